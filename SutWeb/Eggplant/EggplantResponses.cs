namespace SutWeb.Eggplant;

/// <summary>What the sign-in and status calls share in reading an answer: redirects refused, bodies read within a cap.</summary>
internal static class EggplantResponses
{
    public static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    /// <summary>
    /// A 3xx is never followed, so that a password or token never travels to a host nobody configured; the message
    /// names where it pointed (scheme, host and port only: a query may carry something private).
    /// </summary>
    public static EggplantException Redirected(HttpResponseMessage response, string who, string setting)
    {
        var location = response.Headers.Location;
        var origin = response.RequestMessage?.RequestUri;
        var target = location switch
        {
            null => null,
            { IsAbsoluteUri: true } => location,
            _ when origin is not null => new Uri(origin, location),
            _ => null,
        };
        var where = target is null ? "with no usable Location" : $"to {target.Scheme}://{target.Authority}";
        return new EggplantException(UpstreamFailureKind.HttpError,
            $"{who} answered {(int)response.StatusCode} {response.ReasonPhrase}, a redirect {where}. SutWeb follows no redirects, "
            + $"so that credentials never travel to another address: set {setting} to the address the server means.");
    }

    /// <summary>Reads the body, but never more than <paramref name="cap"/> bytes into memory.</summary>
    public static async Task<byte[]> ReadBoundedAsync(
        HttpContent content, long cap, Func<EggplantException> tooLarge, string brokeOff, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > cap)
        {
            throw tooLarge();
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[(int)Math.Min(81920, cap + 1)];
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    throw tooLarge();
                }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new EggplantException(UpstreamFailureKind.Network, brokeOff, e);
        }
        return buffer.ToArray();
    }
}
