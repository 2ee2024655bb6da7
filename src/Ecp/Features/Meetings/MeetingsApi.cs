using Ecp.Common;
using Ecp.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Ecp.Features.Meetings;

public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings");
        var writes = meetings.MapGroup("").RequireApiWriter();

        meetings.MapGet("/", async (Guid? body, string? after, int? limit, MeetingQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var (page, next) = await queries.ListAsync(body, after, limit, ct);
                Paging.LinkNext(http.Response, "/api/v1/meetings", next, limit, body is null ? "" : $"body={body}");
                return TypedResults.Ok(page);
            })
            .WithName("ListMeetings")
            .WithSummary("Meetings by start, latest first; ?body= one body's. A page at a time: ?limit=, ?after= from the Link rel=\"next\" header.");

        meetings.MapGet("/{id:guid}", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).OkOr(new MeetingNotFound(), l))
            .WithName("GetMeeting")
            .WithSummary("One meeting: its times in UTC and in its IANA zone, place and link, kind, the seats per stakeholder group under the body's rules, the agenda, and every registration in request order with each waiting one's position.");

        meetings.MapGet("/{id:guid}.ics", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, MeetingCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await calendar.OfMeetingAsync(id, ct) is { } ics ? TypedResults.Text(ics, MeetingCalendar.MediaType) : new MeetingNotFound().ToProblem(l))
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.MediaType)
            .WithName("GetMeetingCalendar")
            .WithSummary("The meeting as iCalendar (RFC 5545): the same UID after every change, a higher SEQUENCE, STATUS:CANCELLED once cancelled.");

        api.MapGet("/bodies/{id:guid}/meetings.ics", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, MeetingCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await calendar.OfBodyAsync(id, ct) is { } ics ? TypedResults.Text(ics, MeetingCalendar.MediaType) : new MeetingBodyNotFound().ToProblem(l))
            .WithTags("Meetings")
            .Produces<string>(StatusCodes.Status200OK, MeetingCalendar.MediaType)
            .WithName("GetBodyMeetingsCalendar")
            .WithSummary("Every meeting of a body as one iCalendar feed to subscribe to.");

        writes.MapPost("/", async Task<Results<Created<MeetingView>, ProblemHttpResult>> (ScheduleMeeting.Command command, ScheduleMeeting useCase, ActorAccessor actors,
                MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), command, ct).ToHttpResultAsync(async m =>
                    TypedResults.Created($"/api/v1/meetings/{m.Id}", (await queries.GetAsync(m.Id, ct))!), l))
            .WithName("ScheduleMeeting")
            .WithSummary("Schedule a meeting of a body: title, start and end instants, IANA time zone, place and/or remote link, kind (open-to-all-stakeholders, member-states-only), optional seats per stakeholder group, and the agenda, each item optionally taking up a document, consultation or decision (secretariat).");

        writes.MapPost("/{id:guid}/changes", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, ChangeMeeting.Command command, ChangeMeeting useCase, ActorAccessor actors,
                MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(m => ViewAsync(queries, m.Id, ct), l))
            .WithName("ChangeMeeting")
            .WithSummary("Change a meeting, stated whole, with a reason: the sequence rises; seats freed by a higher cap go to the first who wait (secretariat).");

        writes.MapPost("/{id:guid}/cancel", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, CancelMeeting.Command command, CancelMeeting useCase, ActorAccessor actors,
                MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(m => ViewAsync(queries, m.Id, ct), l))
            .WithName("CancelMeeting")
            .WithSummary("Cancel a meeting, with a reason (secretariat).");

        writes.MapPost("/{id:guid}/registrations", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, RegisterForMeeting.Command command, RegisterForMeeting useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(r => ViewAsync(queries, r.MeetingId, ct), l))
            .WithName("RegisterForMeeting")
            .WithSummary("Ask to attend as member or observer under the body's rules: a seat if one of your stakeholder group is free, else a place on the public waiting list by request time (accredited participants).");

        writes.MapPost("/{id:guid}/registrations/{registrationId:guid}/withdraw", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, Guid registrationId,
                WithdrawRegistration useCase, ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, registrationId, ct).ToHttpResultAsync(r => ViewAsync(queries, r.MeetingId, ct), l))
            .WithName("WithdrawRegistration")
            .WithSummary("Withdraw a registration (your own; the secretariat any): the first who waits in its group takes the seat.");

        writes.MapPost("/{id:guid}/registrations/{registrationId:guid}/confirm", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, Guid registrationId,
                ConfirmRegistration useCase, ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, registrationId, ct).ToHttpResultAsync(r => ViewAsync(queries, r.MeetingId, ct), l))
            .WithName("ConfirmRegistration")
            .WithSummary("Confirm a seated registration; the person is told by e-mail (secretariat).");

        writes.MapPost("/{id:guid}/minutes", async Task<Results<Ok<MeetingView>, ProblemHttpResult>> (Guid id, RecordMinutes.Command command, RecordMinutes useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(m => ViewAsync(queries, m.Id, ct), l))
            .WithName("RecordMinutes")
            .WithSummary("Record a meeting's minutes: the symbols of the outcome documents holding its summary record and its transcript (either or both); the meeting shows each in the languages the document has and names the missing ones (secretariat).");

        meetings.MapGet("/{id:guid}/speakers", async Task<Results<Ok<List<SpeakerView>>, ProblemHttpResult>> (Guid id, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                (await queries.SpeakersAsync(id, ct)).OkOr(new MeetingNotFound(), l))
            .WithName("GetSpeakersList")
            .WithSummary("The speakers list, item by item: who spoke and when (given and closed), who speaks, then who waits in the Chair's order, each with their stakeholder group and Member State.");

        writes.MapPost("/{id:guid}/speakers", async Task<Results<Ok<List<SpeakerView>>, ProblemHttpResult>> (Guid id, RequestFloor.Command command, RequestFloor useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(_ => SpeakersAsync(queries, id, ct), l))
            .WithName("RequestFloor")
            .WithSummary("Ask for the floor on an agenda item: last in its queue (a participant holding a seat at the meeting).");

        writes.MapPost("/{id:guid}/speakers/order", async Task<Results<Ok<List<SpeakerView>>, ProblemHttpResult>> (Guid id, OrderSpeakers.Command command, OrderSpeakers useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, command, ct).ToHttpResultAsync(_ => SpeakersAsync(queries, id, ct), l))
            .WithName("OrderSpeakers")
            .WithSummary("The Chair's order of an agenda item's waiting speakers: every waiting request, once each (secretariat).");

        writes.MapPost("/{id:guid}/speakers/{requestId:guid}/give", async Task<Results<Ok<List<SpeakerView>>, ProblemHttpResult>> (Guid id, Guid requestId, GiveFloor useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, requestId, ct).ToHttpResultAsync(_ => SpeakersAsync(queries, id, ct), l))
            .WithName("GiveFloor")
            .WithSummary("Give the floor to a waiting speaker, one at a time (secretariat).");

        writes.MapPost("/{id:guid}/speakers/{requestId:guid}/close", async Task<Results<Ok<List<SpeakerView>>, ProblemHttpResult>> (Guid id, Guid requestId, CloseFloor useCase,
                ActorAccessor actors, MeetingQueries queries, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await useCase.HandleAsync(await actors.GetAsync(ct), id, requestId, ct).ToHttpResultAsync(_ => SpeakersAsync(queries, id, ct), l))
            .WithName("CloseFloor")
            .WithSummary("Close the floor of the current speaker (secretariat).");

        return api;
    }

    private static async Task<Ok<List<SpeakerView>>> SpeakersAsync(MeetingQueries queries, Guid id, CancellationToken ct) => TypedResults.Ok((await queries.SpeakersAsync(id, ct))!);

    private static async Task<Ok<MeetingView>> ViewAsync(MeetingQueries queries, Guid id, CancellationToken ct) => TypedResults.Ok((await queries.GetAsync(id, ct))!);
}
