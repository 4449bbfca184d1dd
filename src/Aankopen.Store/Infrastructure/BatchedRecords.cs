using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Marten;
using Marten.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Aankopen.Store.Infrastructure;

/// <summary>
/// Writes the read models of a group commit's streams, every record of a batch in one statement, into the rows Marten
/// keeps them in (the document as JSON, its revision, its type name, the duplicated columns from the document's own
/// mapping): a later load, query or rebuild sees no difference. Marten sends one upsert per document, each looking the
/// stream's version up twice to set the revision: under the benchmark's opt-ins that statement was as much of
/// PostgreSQL's time as the events' own (docs/performance.md). The revision here is the version the appended events
/// leave the stream at, which the same transaction writes.
/// </summary>
public sealed class BatchedRecords(IDocumentStore store)
{
    /// <summary>One record, serialised and its columns read on the request's thread, not the writer's.</summary>
    public sealed record Row(RecordTable Table, string Json, object?[] Columns);

    private readonly ConcurrentDictionary<Type, RecordTable> tables = new();
    private readonly ISerializer serializer = store.Options.Serializer();

    public Row Prepare(object record)
    {
        var table = tables.GetOrAdd(record.GetType(), type => new RecordTable((DocumentMapping)store.Options.FindOrResolveDocumentType(type)));
        return new Row(table, serializer.ToJson(record), table.ColumnsOf(record));
    }

    /// <summary>One statement per table for <paramref name="records"/> (stream id, its version after the batch, the row).</summary>
    public static IEnumerable<NpgsqlBatchCommand> Commands(string tenant, IEnumerable<(Guid Id, long Version, Row Row)> records) =>
        records.GroupBy(r => r.Row.Table).Select(ofTable => ofTable.Key.Upsert(tenant, [.. ofTable]));

    /// <summary>A record type's table, and how its statement's columns are read from a record.</summary>
    public sealed class RecordTable
    {
        /// <summary>Joins the items of a text[] column: unnest cannot take an array of arrays, so each row sends one string.</summary>
        private const char Separator = '\u001f';

        private readonly string dotNetType;
        private readonly TypedCommand statement;
        private readonly Column[] columns;

        private sealed record Column(Func<object, object?> Read, Type Element, NpgsqlDbType Type);

        public RecordTable(DocumentMapping mapping)
        {
            dotNetType = mapping.DocumentType.FullName!;
            var fields = mapping.DuplicatedFields;
            columns = [.. fields.Select(f => ColumnOf(f, mapping.EnumStorage))];
            var names = fields.Select(f => f.ColumnName).ToArray();
            // text[] columns arrive joined (Separator) and are split here; any other column's values are an array of its type.
            var selected = fields.Select(f => IsTextArray(f) ? $"string_to_array(r.{f.ColumnName}, chr(31))" : $"r.{f.ColumnName}");
            var unnested = fields.Select(f => $"?::{(IsTextArray(f) ? "text" : f.PgType)}[]");
            var sql = $"""
                INSERT INTO {mapping.TableName.QualifiedName}
                    (tenant_id, id, data, mt_version, mt_dotnet_type, mt_last_modified{string.Concat(names.Select(n => ", " + n))})
                SELECT ?, r.id, r.data, r.version, ?, transaction_timestamp(){string.Concat(selected.Select(s => ", " + s))}
                FROM unnest(?::uuid[], ?::jsonb[], ?::bigint[]{string.Concat(unnested.Select(u => ", " + u))})
                    AS r(id, data, version{string.Concat(names.Select(n => ", " + n))})
                ON CONFLICT (tenant_id, id) DO UPDATE SET data = excluded.data, mt_version = excluded.mt_version,
                    mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = excluded.mt_last_modified{string.Concat(names.Select(n => $", {n} = excluded.{n}"))}
                """;
            statement = new TypedCommand(sql);
        }

        public object?[] ColumnsOf(object record) => [.. columns.Select(c => c.Read(record))];

        public NpgsqlBatchCommand Upsert(string tenant, IReadOnlyList<(Guid Id, long Version, Row Row)> rows)
        {
            var parameters = new List<(object Value, NpgsqlDbType Type)>
            {
                (tenant, NpgsqlDbType.Varchar), (dotNetType, NpgsqlDbType.Varchar),
                (rows.Select(r => r.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid),
                (rows.Select(r => r.Row.Json).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Jsonb),
                (rows.Select(r => r.Version).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            };
            for (var c = 0; c < columns.Length; c++)
            {
                var values = Array.CreateInstance(columns[c].Element, rows.Count);
                for (var r = 0; r < rows.Count; r++)
                    values.SetValue(rows[r].Row.Columns[c], r);
                parameters.Add((values, NpgsqlDbType.Array | columns[c].Type));
            }
            return statement.With([.. parameters]);
        }

        private static bool IsTextArray(Marten.Linq.Members.DuplicatedField field) => field.PgType switch
        {
            "text[]" or "varchar[]" => true,
            var other when other.EndsWith("[]", StringComparison.Ordinal) =>
                throw new NotSupportedException($"The batched write of records has no way yet to send a {other} column ({field.ColumnName})."),
            _ => false,
        };

        /// <summary>
        /// The column's value as Marten writes it: enums as their number or name (the store's enum storage), arrays of
        /// text joined, anything else as it is.
        /// </summary>
        private static Column ColumnOf(Marten.Linq.Members.DuplicatedField field, Weasel.Core.EnumStorage enums)
        {
            var read = Reader(field.Members);
            var type = Nullable.GetUnderlyingType(field.MemberType) ?? field.MemberType;
            if (IsTextArray(field))
                return new Column(record => read(record) is IEnumerable items ? Joined(items) : null, typeof(string), NpgsqlDbType.Text);
            if (type.IsEnum && enums == Weasel.Core.EnumStorage.AsString)
                return new Column(record => read(record)?.ToString(), typeof(string), NpgsqlDbType.Varchar);
            if (type.IsEnum)
                return new Column(record => read(record) is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null,
                    typeof(int?), NpgsqlDbType.Integer);
            var element = field.MemberType.IsValueType && Nullable.GetUnderlyingType(field.MemberType) is null
                ? typeof(Nullable<>).MakeGenericType(field.MemberType)
                : field.MemberType;
            return new Column(read, element, field.DbType);
        }

        private static string Joined(IEnumerable items)
        {
            var texts = items.Cast<object>().Select(i => i.ToString()!).ToArray();
            if (texts.Any(t => t.Contains(Separator, StringComparison.Ordinal)))
                throw new InvalidOperationException("A text[] column's item holds the separator the batched write joins them with.");
            return string.Join(Separator, texts);
        }

        /// <summary>The member path compiled once, as a delegate: reflection on every write would cost more than the write.</summary>
        private static Func<object, object?> Reader(IReadOnlyList<MemberInfo> path)
        {
            var record = Expression.Parameter(typeof(object));
            Expression value = Expression.Convert(record, path[0].DeclaringType!);
            foreach (var member in path)
                value = Expression.MakeMemberAccess(value, member);
            return Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), record).Compile();
        }
    }
}
