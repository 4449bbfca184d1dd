using Aankopen.Edge;
using Marten;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// How the database schema follows the code. <c>Database:ApplySchemaChanges</c> = <c>OnStartup</c> (default, for a
/// single process: the demo, a small town hall) has every start apply what is missing. <c>Explicit</c> (several
/// replicas, a platform with a deployment step) leaves the schema alone: <c>Aankopen.Worker migrate</c> applies the
/// changes once, before the new version starts, and a process that finds the schema behind refuses to start.
/// </summary>
public static class SchemaMigrations
{
    public const string Command = "migrate";
    public const string Setting = "Database:ApplySchemaChanges";

    public static bool AppliedOnStartup(IConfiguration configuration) => configuration[Setting] switch
    {
        null or "" or "OnStartup" => true,
        "Explicit" => false,
        var other => throw new StartupException($"{Setting} is '{other}'; use OnStartup (every start applies missing schema changes) or Explicit (run 'Aankopen.Worker migrate' before starting)."),
    };

    /// <summary>What the schema lacks compared with what this version needs; None when it is up to date.</summary>
    public static async Task<SchemaPatchDifference> PendingAsync(IDocumentStore store, CancellationToken ct) =>
        (await store.Storage.Database.CreateMigrationAsync(ct)).Difference;

    /// <summary>The command-line verb: applies every change (or, with --script FILE, writes them as SQL for a DBA) and exits.</summary>
    public static async Task<int> RunAsync(WebApplication app, string? scriptFile, CancellationToken ct)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        var pending = await PendingAsync(store, ct);
        if (scriptFile is not null)
        {
            await store.Storage.Database.WriteMigrationFileAsync(scriptFile, ct);
            Console.WriteLine($"Schema changes ({pending}) written to {scriptFile}; nothing applied.");
            return 0;
        }
        if (pending == SchemaPatchDifference.None)
        {
            Console.WriteLine("The database schema is up to date; nothing to apply.");
            return 0;
        }
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Console.WriteLine($"Schema changes applied ({pending}). The service can start.");
        return 0;
    }
}

/// <summary>With <c>Database:ApplySchemaChanges=Explicit</c>: refuses to start on a schema this version does not match.</summary>
public sealed class SchemaIsCurrent(IDocumentStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (await SchemaMigrations.PendingAsync(store, ct) is var pending and not SchemaPatchDifference.None)
            throw new StartupException(
                $"The database schema is behind this version ({pending}) and {SchemaMigrations.Setting} is Explicit: run 'Aankopen.Worker migrate' with the same settings first.");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
