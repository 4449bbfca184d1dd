using Aankopen.Contracts.Api.V1;
using Aankopen.Domain;
using Aankopen.Edge.Http;

namespace Aankopen.Api.Tenders;

/// <summary>Finding a CPV code by words of its label, in Dutch or French, or by the digits it starts with.</summary>
public static class CpvEndpoint
{
    public static IResult Search(string? q, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2 || q.Length > 100)
            return Problems.From(http, [DomainError.Invalid("query-invalid", "q")]);
        return TypedResults.Ok(CpvVocabulary.Search(q).Take(50).Select(e => new CpvView(e.Code, e.Nl, e.Fr)).ToArray());
    }
}
