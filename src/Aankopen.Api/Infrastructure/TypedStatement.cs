using System.Data.Common;
using Marten.Storage;
using NpgsqlTypes;
using OperationRole = Weasel.Core.OperationRole;
using PostgresCommandBuilder = Weasel.Postgresql.ICommandBuilder;
using Weasel.Storage;

namespace Aankopen.Api.Infrastructure;

/// <summary>
/// A statement of our own as a Marten operation, with its parameters' types given, so it goes out in the session's
/// batch. Marten's <c>QueueSqlCommand</c> looks each parameter's type up from its value, through every type mapping it
/// knows: 3 % of the API's time under the benchmark's opt-ins (docs/performance.md). Nothing is read back.
/// </summary>
/// <param name="parts">The statement's text split at each parameter's place (<c>?</c>).</param>
internal sealed class TypedStatement(string[] parts, (object Value, NpgsqlDbType Type)[] parameters)
    : Marten.Internal.Operations.IStorageOperation, NoDataReturnedCall
{
    public Type DocumentType => typeof(StorageFeatures);

    public void ConfigureCommand(PostgresCommandBuilder builder, IStorageSession session)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            builder.Append(parts[i]);
            builder.AppendParameter(parameters[i].Value, parameters[i].Type);
        }
        builder.Append(parts[^1]);
    }

    // Marten builds its batches with PostgreSQL's command builder; the general interface is Weasel's.
    void Weasel.Storage.IStorageOperation.ConfigureCommand(Weasel.Core.ICommandBuilder builder, IStorageSession session) =>
        ConfigureCommand((PostgresCommandBuilder)builder, session);

    public OperationRole Role() => OperationRole.Other;

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;
}
