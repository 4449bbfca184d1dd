using RabbitMQ.Client;

namespace Aankopen.Messaging;

/// <summary>
/// One RabbitMQ connection kept for a process's many short jobs (declaring thousands of administrations' queues,
/// publishing, counting consumers), each on a channel of its own. Opening and closing a connection per job is slow
/// with thousands of administrations and, in the regional benchmark, stalled after a few hundred in a row.
/// A connection that closed (its node went, the broker closed it) is replaced on the next request, not recovered in
/// the background, so a caller never waits on a recovery it cannot see.
/// </summary>
public sealed class SharedBrokerConnection(RabbitMqSettings settings, string name) : IAsyncDisposable
{
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;
    private bool disposed;

    /// <summary>A new channel on the shared connection, opening or replacing the connection first when it is not open.</summary>
    public async Task<IChannel> ChannelAsync(CreateChannelOptions? options, CancellationToken ct)
    {
        await connecting.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connection is not { IsOpen: true })
            {
                if (connection is not null)
                    await DisposeQuietlyAsync(connection);
                connection = null;
                connection = await BrokerConnections.OpenAsync(settings, ct, name, recover: false);
            }
            return await connection.CreateChannelAsync(options, ct);
        }
        finally
        {
            connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connecting.WaitAsync();
        try
        {
            disposed = true;
            if (connection is not null)
                await DisposeQuietlyAsync(connection);
            connection = null;
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <summary>Closes a channel or connection that may already be closed, within a few seconds even when the broker is silent.</summary>
    public static async Task DisposeQuietlyAsync(IAsyncDisposable resource)
    {
        try
        {
            await resource.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException or ObjectDisposedException
            or OperationCanceledException or TimeoutException)
        {
            // Already closed by the broker, or the broker does not answer the close: nothing more to do for it.
        }
    }
}
