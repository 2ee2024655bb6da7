namespace Ecp.Features.Consultations;

/// <summary>What the composition root registers and maps for consultations, questionnaires and contributions.</summary>
public static class ConsultationsFeature
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddScoped<DraftConsultation>();
        services.AddScoped<OpenConsultation>();
        services.AddScoped<ExtendConsultation>();
        services.AddScoped<SubmitContribution>();
        services.AddScoped<EditContribution>();
        services.AddScoped<WithdrawContribution>();
        services.AddScoped<HideContribution>();
        services.AddScoped<ConsultationQueries>();
        services.AddScoped<AddAttachment>();
        services.AddScoped<QuestionnaireResults>();
        services.AddScoped<PublishSynthesis>();
        services.AddScoped<PresentConsultation>();
        // One writer per node: the group commit of every submission (ContributionWriter.cs).
        services.AddSingleton<ContributionWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        app.MapApi().MapConsultationsApi();
        return app;
    }
}
