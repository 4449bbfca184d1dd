using Aankopen.Contracts.Api.V1;
using Aankopen.Domain.Measures;

namespace Aankopen.Reports.Synergies;

/// <summary>A planned measure as the API and the annex show it.</summary>
public static class MeasureViews
{
    public static MeasureView ToView(this PlannedMeasure m) =>
        new(m.Id, m.DomainNl, m.DomainFr, m.TextNl, m.TextFr, m.PlannedFrom, m.Status.ToString(), m.ClosedIn);
}
