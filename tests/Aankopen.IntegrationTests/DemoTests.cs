using System.Diagnostics;
using Shouldly;
using static Aankopen.IntegrationTests.HttpCalls;

namespace Aankopen.IntegrationTests;

/// <summary>The walk-through that ./run.sh shows, run against the test system: it must end with every share booked once.</summary>
[Collection(nameof(RunningSystem))]
public sealed class DemoTests(RunningSystem system)
{
    [Fact]
    public async Task The_demo_walks_a_tender_to_its_bookings()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Aankopen.Demo.dll"), system.Api.BaseAddress!.ToString(), system.Simulator.BaseAddress!.ToString(), TestIssuer.Address.ToString() })
            info.ArgumentList.Add(arg);
        using var demo = Process.Start(info)!;
        var output = demo.StandardOutput.ReadToEndAsync(Ct);
        var errors = demo.StandardError.ReadToEndAsync(Ct);
        await demo.WaitForExitAsync(Ct);

        demo.ExitCode.ShouldBe(0, await errors);
        (await output).ShouldContain("Elk bestuur boekte precies zijn eigen deel, één keer.");
    }
}
