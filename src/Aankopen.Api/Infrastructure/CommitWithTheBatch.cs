using Marten;
using Npgsql;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// Saves a session in one round trip to PostgreSQL instead of two. Marten sends a save's statements as one batch and
/// then, once their answers are in, the <c>COMMIT</c> on its own; the writer and the database backend each wait for the
/// other in between. Here the session works in a transaction that <see cref="OpenAsync"/> began (Npgsql sends the
/// <c>BEGIN</c> in front of the first batch) and that Marten does not own, and its last statement is the
/// <c>COMMIT</c>, queued once Marten has put its own statements in order. When a statement fails, PostgreSQL skips the
/// rest of the batch, the <c>COMMIT</c> included, and disposing the transaction rolls it back: nothing is half-written.
/// GroupCommitTests check that the writes are there before the session is let go, that the <c>COMMIT</c> is the
/// batch's last statement, and that a refused batch leaves nothing.
/// </summary>
public sealed class CommitWithTheBatch : DocumentSessionListenerBase
{
    private static readonly CommitWithTheBatch Listener = new();

    private CommitWithTheBatch()
    {
    }

    /// <summary>A session for <paramref name="tenant"/> that commits with its save, on a connection of its own.</summary>
    public static async Task<Saving> OpenAsync(IDocumentStore store, string tenant)
    {
        // Every tenant's events and documents are in the one database (conjoined tenancy, EventStoreSetup).
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync();
            return await OnAsync(store, tenant, connection, ownsConnection: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The same on an open connection that the caller keeps using after the save, idle again once it is disposed:
    /// committed, or rolled back.
    /// </summary>
    public static Task<Saving> OnAsync(IDocumentStore store, string tenant, NpgsqlConnection connection) =>
        OnAsync(store, tenant, connection, ownsConnection: false);

    private static async Task<Saving> OnAsync(IDocumentStore store, string tenant, NpgsqlConnection connection, bool ownsConnection)
    {
        var transaction = await connection.BeginTransactionAsync();
        var options = Marten.Services.SessionOptions.ForTransaction(transaction);
        options.TenantId = tenant;
        options.Listeners.Add(Listener);
        return new Saving(ownsConnection ? connection : null, transaction, store.OpenSession(options));
    }

    // Runs after Marten has turned the events into statements and sorted them, right before the batch is sent.
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        session.QueueSqlCommand("COMMIT");
        return Task.CompletedTask;
    }

    /// <summary>The session and the transaction it writes in, disposed together, and the connection when it was opened for them.</summary>
    public sealed class Saving(NpgsqlConnection? connection, NpgsqlTransaction transaction, IDocumentSession session) : IAsyncDisposable
    {
        public IDocumentSession Session { get; } = session;

        public async ValueTask DisposeAsync()
        {
            await Session.DisposeAsync();
            await transaction.DisposeAsync(); // a rollback, unless the batch's COMMIT ended it
            if (connection is not null)
                await connection.DisposeAsync();
        }
    }
}
