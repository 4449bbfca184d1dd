using Refit;

namespace Aankopen.Client;

public static class ApiResponses
{
    /// <summary>The body of a successful response, or an exception that carries the server's problem details.</summary>
    public static async Task<T> OrThrowAsync<T>(this Task<IApiResponse<T>> call)
    {
        var response = await call;
        if (response.IsSuccessful && response.Content is { } content)
            return content;
        var body = (response.Error as ApiException)?.Content ?? response.Error?.Message ?? "(no body)";
        throw new HttpRequestException($"{(int?)response.StatusCode} {response.ReasonPhrase}: {body}", response.Error, response.StatusCode);
    }

    public static string ETag<T>(this IApiResponse<T> response) => response.Headers?.ETag?.ToString() ?? "";
}
