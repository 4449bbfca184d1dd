using Npgsql;
using NpgsqlTypes;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// A statement of our own, written with <c>?</c> for its parameters in order, as a command of a batch with each
/// parameter's type given: looked up from the value instead, through every type mapping there is, it cost 3 % of the
/// API's time under the benchmark's opt-ins (docs/performance.md).
/// </summary>
public sealed class TypedCommand
{
    private readonly string text;
    private readonly int count;

    public TypedCommand(string sql)
    {
        var parts = sql.Split('?');
        count = parts.Length - 1;
        text = string.Concat(parts[..^1].Select((part, i) => $"{part}${i + 1}")) + parts[^1];
    }

    public NpgsqlBatchCommand With(params (object Value, NpgsqlDbType Type)[] parameters)
    {
        if (parameters.Length != count)
            throw new ArgumentException($"The statement takes {count} parameters; {parameters.Length} were given.", nameof(parameters));
        var command = new NpgsqlBatchCommand(text);
        foreach (var (value, type) in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
        return command;
    }
}
