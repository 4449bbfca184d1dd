namespace Aankopen.FinanceSimulator;

public sealed class Program
{
    private Program() { }

    public static Task Main(string[] args) => Build(args).RunAsync();

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Ledgers>();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapGet("/", OverviewPage.Render);
        app.MapGet("/systems", (Ledgers ledgers) => ledgers.All.Select(l => new { l.System, Bookings = l.Bookings.Count, Rejections = l.Rejections.Count }));
        app.MapCommitmentEndpoints();
        return app;
    }
}
