using Aankopen.Reports.Csv;

namespace Aankopen.Edge.Http;

public static class CsvResults
{
    /// <summary>The CSV file as the answer, downloaded under <paramref name="fileName"/>.</summary>
    public static IResult ToResult(this CsvFile csv, string fileName) => TypedResults.File(csv.Bytes(), CsvFile.ContentType, fileName);
}
