using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SutWeb.Bench.Clients;

/// <summary>
/// The usual alternative to SutWeb: every viewer asks the Eggplant server itself, <c>POST /api/sut/status</c> with its
/// own token, once per poll interval.
/// </summary>
public static class PollingViewer
{
    public static async Task<string> SignInAsync(HttpClient http, string user, string password)
    {
        using var form = new FormUrlEncodedContent([new("username", user), new("password", password)]);
        using var response = await http.PostAsync("simulator/auth", form);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string?)body?["access_token"] ?? throw new InvalidOperationException("No access_token in the sign-in answer.");
    }

    /// <summary>Polls until <paramref name="stop"/>, starting after <paramref name="phase"/>; counts answers and failures.</summary>
    public static async Task RunAsync(HttpClient http, string token, TimeSpan interval, TimeSpan phase, PollCounters counters, CancellationToken stop)
    {
        try
        {
            await Task.Delay(phase, stop);
            using var timer = new PeriodicTimer(interval);
            do
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "simulator/api/sut/status")
                    {
                        Content = new FormUrlEncodedContent([]),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("bearer", token);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
                    await response.Content.CopyToAsync(Stream.Null, stop);
                    if (response.IsSuccessStatusCode)
                    {
                        counters.Answered();
                    }
                    else
                    {
                        counters.Failed();
                    }
                }
                catch (HttpRequestException)
                {
                    counters.Failed();
                }
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }
}
