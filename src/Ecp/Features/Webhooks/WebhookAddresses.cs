using System.Net;
using System.Net.Sockets;

namespace Ecp.Features.Webhooks;

/// <summary>
/// Where the sender may connect: a receiver's name is resolved when the delivery is made, so a name
/// that points (or is re-pointed) at the loopback, a private network, a link-local address (a cloud's
/// metadata service) or the like is refused at connection time, not only at subscription time.
/// Where Ecp:Webhooks:AllowLoopback is true (tests, a developer's machine) every address is allowed.
/// </summary>
public static class WebhookAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes6 = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes6[0] & 0xfe) == 0xfc);
        }
        var b = address.GetAddressBytes();
        return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] < 128)   // carrier-grade NAT
            || (b[0] == 169 && b[1] == 254)                // link-local, cloud metadata
            || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
    }

    /// <summary>The handler's connection: the first public address of the name, or a refusal.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowAny, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => allowAny || IsPublic(a)).ToList();
        if (allowed.Count == 0) throw new HttpRequestException($"{host} has no public address: webhooks are sent only to the public Internet.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
