using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Ecp.Common;

/// <summary>
/// ETags and conditional GET for the API's and the feeds' reads: a 200 answer of up to
/// <see cref="MaxBufferedBytes"/> gets a strong ETag, the SHA-256 of its exact bytes, and a
/// request whose If-None-Match names it gets 304 Not Modified without the body. The tag is of the
/// representation, so it is right whatever made it (a page of a list, a caller's own view), and
/// a change anywhere in the answer changes it. An answer larger than the buffer (the record's
/// download, a large CSV) streams on untouched, without an ETag, so memory stays bounded.
/// </summary>
public sealed class ConditionalGet(RequestDelegate next)
{
    public const int MaxBufferedBytes = 1 << 20;

    public static bool Applies(HttpContext ctx)
        => (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method))
           && (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/feeds"));

    public async Task InvokeAsync(HttpContext ctx)
    {
        var original = ctx.Response.Body;
        await using var buffer = new BufferUntilLimit(original, MaxBufferedBytes);
        ctx.Response.Body = buffer;
        try
        {
            await next(ctx);
        }
        finally
        {
            ctx.Response.Body = original;
        }
        if (buffer.PassedThrough) return;
        var body = buffer.Buffered;
        if (ctx.Response.HasStarted)
        {
            // The endpoint sent its headers itself (a stream it flushed): too late for a tag.
            await original.WriteAsync(body, ctx.RequestAborted);
            return;
        }
        if (ctx.Response.StatusCode == StatusCodes.Status200OK && !ctx.Response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var tag = $"\"{WebEncoders.Base64UrlEncode(SHA256.HashData(body.Span), 0, 18)}\"";
            ctx.Response.Headers.ETag = tag;
            if (Matches(ctx.Request.Headers.IfNoneMatch, tag))
            {
                ctx.Response.StatusCode = StatusCodes.Status304NotModified;
                ctx.Response.ContentLength = null;
                ctx.Response.Headers.ContentType = default;
                return;
            }
        }
        // Nothing written (a 404 of no endpoint, a 405): leave the answer untouched, so the
        // status-code pages still write their problem detail into it.
        if (body.IsEmpty) return;
        ctx.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(ctx.Request.Method)) await original.WriteAsync(body, ctx.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // A weak comparison (RFC 9110 13.1.2): W/"x" matches "x".
                if (candidate == "*" || candidate == tag || candidate == "W/" + tag) return true;
            }
        }
        return false;
    }

    /// <summary>Keeps what is written in memory up to the limit; past it, writes what it kept and
    /// everything after straight through to the real body.</summary>
    private sealed class BufferUntilLimit(Stream inner, int limit) : Stream
    {
        private MemoryStream? memory = new();

        public bool PassedThrough => memory is null;

        public ReadOnlyMemory<byte> Buffered => memory is { } m ? m.GetBuffer().AsMemory(0, (int)m.Length) : ReadOnlyMemory<byte>.Empty;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] bufferBytes, int offset, int count) => WriteAsync(bufferBytes.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            if (memory is { } m)
            {
                if (m.Length + source.Length <= limit)
                {
                    m.Write(source.Span);
                    return;
                }
                memory = null;
                await inner.WriteAsync(m.GetBuffer().AsMemory(0, (int)m.Length), cancellationToken);
            }
            await inner.WriteAsync(source, cancellationToken);
        }

        public override Task WriteAsync(byte[] bufferBytes, int offset, int count, CancellationToken cancellationToken)
            => WriteAsync(bufferBytes.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => PassedThrough ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] bufferBytes, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
