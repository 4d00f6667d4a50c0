using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SutWeb.Shared.Hub;

namespace SutWeb.Bench.Clients;

/// <summary>
/// A bare WebSocket speaking the SignalR JSON protocol to <c>/hubs/status</c> (no negotiation), so that the bytes the
/// server sends for each message can be counted exactly as they cross the wire.
/// </summary>
public sealed class RawHubSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;

    private readonly ClientWebSocket _socket = new();
    private readonly List<byte> _pending = [];

    public static async Task<RawHubSocket> ConnectAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        var raw = new RawHubSocket();
        var uri = new UriBuilder(new Uri(baseAddress, StatusHubContract.Path.TrimStart('/'))) { Scheme = "ws" }.Uri;
        await raw._socket.ConnectAsync(uri, cancellationToken);
        await raw.SendAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await raw.ReceiveRecordAsync(cancellationToken);
        if (handshake.Length != 3 || handshake[0] != (byte)'{')
        {
            throw new InvalidOperationException("Unexpected handshake answer: " + Encoding.UTF8.GetString(handshake));
        }
        return raw;
    }

    public Task SendAsync(string message, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + (char)RecordSeparator), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next message whose type and target (if any) match; its bytes include the record separator.</summary>
    public async Task<byte[]> ReceiveAsync(int type, string? target, CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await ReceiveRecordAsync(cancellationToken);
            using var json = JsonDocument.Parse(record.AsMemory(0, record.Length - 1));
            var root = json.RootElement;
            if (root.GetProperty("type").GetInt32() == type
                && (target is null || (root.TryGetProperty("target", out var t) && t.GetString() == target)))
            {
                return record;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        _socket.Dispose();
    }

    private async Task<byte[]> ReceiveRecordAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var end = _pending.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                var record = _pending.GetRange(0, end + 1).ToArray();
                _pending.RemoveRange(0, end + 1);
                return record;
            }
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The hub closed the WebSocket.");
            }
            _pending.AddRange(buffer.AsSpan(0, result.Count));
        }
    }
}
