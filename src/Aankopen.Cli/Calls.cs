using System.Text.Json;
using Refit;

namespace Aankopen.Cli;

/// <summary>One API call of a command: its answer, or the API's problem (in the reader's language) and an exit code.</summary>
internal static class Calls
{
    public static async Task<int> RunAsync<T>(ApiConnection connection, TextWriter output, Func<Task<IApiResponse<T>>> call, Action<T> show)
    {
        try
        {
            var response = await call();
            if (response.IsSuccessful && response.Content is { } content)
            {
                show(content);
                return 0;
            }
            // No status: the request never got an answer (Refit hands the network error over instead of throwing it).
            if (response.StatusCode is not { } status)
            {
                await output.WriteLineAsync(connection.Texts.Unreachable(connection.Api, response.Error?.InnerException?.Message ?? response.Error?.Message ?? ""));
                return CommandLine.Unreachable;
            }
            await output.WriteLineAsync($"{connection.Texts.Refused((int)status)} {ProblemText((response.Error as ApiException)?.Content)}");
            // The API answers an operator's path with a refusal of its own: it has no such endpoint.
            if (connection.WorkerMissing && status is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
                await output.WriteLineAsync(connection.Texts.NeedsWorker);
            return CommandLine.Refused;
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync(connection.Texts.Unreachable(connection.Api, e.Message));
            return CommandLine.Unreachable;
        }
    }

    /// <summary>A file the API serves as is (OCDS JSON, CSV): written byte for byte, to a file or to the output.</summary>
    public static async Task<int> DownloadAsync(ApiConnection connection, TextWriter output, Func<Task<HttpResponseMessage>> call, FileInfo? file, CancellationToken ct)
    {
        try
        {
            using var response = await call();
            if (!response.IsSuccessStatusCode)
            {
                await output.WriteLineAsync($"{connection.Texts.Refused((int)response.StatusCode)} {ProblemText(await response.Content.ReadAsStringAsync(ct))}");
                return CommandLine.Refused;
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            if (file is null)
                await output.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
            else
            {
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                await output.WriteLineAsync(connection.Texts.Written(file.FullName, bytes.Length));
            }
            return 0;
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync(connection.Texts.Unreachable(connection.Api, e.Message));
            return CommandLine.Unreachable;
        }
    }

    /// <summary>The title and detail of RFC 9457 problem details, or the body as it came.</summary>
    public static string ProblemText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return "";
        try
        {
            var problem = JsonSerializer.Deserialize<JsonElement>(body);
            var title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return string.Join(" ", new[] { title, detail }.Where(s => !string.IsNullOrWhiteSpace(s)));
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
