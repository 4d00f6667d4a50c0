using System.Globalization;
using System.Text;

namespace SutWeb.Notifications.Channels;

/// <summary>
/// POSTs a body to a channel's URL and says what the answer means for the outbox: 2xx sent; 408, 429, 5xx, a network
/// error or a timeout worth a retry (with the receiver's <c>Retry-After</c>); any other status refused for good.
/// </summary>
public sealed class HttpChannelPost(IHttpClientFactory clients, TimeProvider timeProvider)
{
    /// <summary>Of a refusal's answer, the start is kept for the error shown (Slack says "invalid_payload" there).</summary>
    private const int AnswerExcerptChars = 200;

    public async Task<SendResult> PostAsync(
        string channel, ChannelOptions options, HttpContent content, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = content };
        configure?.Invoke(request);
        var client = clients.CreateClient(ChannelHttpClients.Name(channel));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Sent(status);
            }
            var error = SecretRedaction.Scrub(await DescribeAsync(response, cancellationToken), options);
            if (status is 408 or 429 || status >= 500)
            {
                return SendResult.Retry(status, error, RetryAfter(response));
            }
            if (status is >= 300 and < 400)
            {
                var to = SecretRedaction.Host(response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.ToString() : options.Url);
                return SendResult.Refused(status, $"{error}: redirected (to {to}), which SutWeb does not follow; set the channel's Url to the address it points to");
            }
            return SendResult.Refused(status, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry(null, $"No answer within {ChannelHttpClients.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return SendResult.Retry(null, SecretRedaction.Scrub(Describe(e), options));
        }
    }

    /// <summary>"HTTP 400 Bad Request: invalid_payload": the status and the start of the answer, on one line.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
        string body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[AnswerExcerptChars * 2];
            var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            body = Encoding.UTF8.GetString(buffer, 0, read);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return text;
        }
        var line = string.Join(' ', body.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        line = new string([.. line.Where(c => !char.IsControl(c))]);
        if (line.Length > AnswerExcerptChars)
        {
            line = line[..AnswerExcerptChars] + "…";
        }
        return line.Length == 0 ? text : $"{text}: {line}";
    }

    /// <summary>The innermost message says what failed (refused connection, unknown host) and, unlike the outer one, no URL.</summary>
    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => $"The receiver's host name does not resolve ({e.GetBaseException().Message})",
        HttpRequestError.ConnectionError => $"Cannot connect to the receiver ({e.GetBaseException().Message})",
        HttpRequestError.SecureConnectionError => $"The TLS connection to the receiver failed ({e.GetBaseException().Message})",
        _ => $"The request failed ({e.GetBaseException().Message})",
    };

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date (then from now on the clock), never negative.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }
            if (retryAfter.Date is { } date)
            {
                var wait = date - timeProvider.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }
        // A value the typed header could not read (seconds with a fraction, say) is read by hand.
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }
}
