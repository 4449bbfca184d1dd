using System.CommandLine;

namespace Aankopen.Cli;

/// <summary><c>aankopen deliveries failed|replay</c>, <c>aankopen projections rebuild</c>, <c>aankopen config check</c>: the operator's work.</summary>
internal static class OperationCommands
{
    public static Command Deliveries(TextWriter output, HttpMessageHandler? handler)
    {
        var listed = new Argument<string>("administration") { Description = "Administration code, e.g. OCMW" };
        var failed = new Command("failed", "Finance messages that failed their last retry, with the reason") { listed };
        failed.SetAction((parse, ct) =>
        {
            var connection = CommandLine.OperatorConnectionOf(parse);
            var code = parse.GetValue(listed)!;
            return Calls.RunAsync(connection, output, () => connection.Client(handler).ListFailedMessagesAsync(code, ct), messages =>
            {
                if (messages.Count == 0)
                    output.WriteLine(connection.Texts.NoFailed(code));
                foreach (var m in messages)
                    output.WriteLine($"{m.FailedAt:u} | {m.Queue} | {m.MessageId} | {m.MessageType} | {m.Reason}");
            });
        });

        var replayed = new Argument<string>("administration") { Description = "Administration code, e.g. OCMW" };
        var replay = new Command("replay", "Sends them again, once the cause is fixed; each is still booked once") { replayed };
        replay.SetAction((parse, ct) =>
        {
            var connection = CommandLine.OperatorConnectionOf(parse);
            return Calls.RunAsync(connection, output, () => connection.Client(handler).ReplayFailedMessagesAsync(parse.GetValue(replayed)!, ct),
                r => output.WriteLine(connection.Texts.Replayed(r.Replayed, r.Administration)));
        });
        return new Command("deliveries", "Finance deliveries") { failed, replay };
    }

    public static Command Projections(TextWriter output, HttpMessageHandler? handler)
    {
        var rebuild = new Command("rebuild", "Rebuilds every read model from the events, in the process that runs the daemon");
        rebuild.SetAction((parse, ct) =>
        {
            var connection = CommandLine.OperatorConnectionOf(parse);
            return Calls.RunAsync(connection, output, () => connection.Client(handler).RebuildProjectionsAsync(ct),
                r => output.WriteLine(connection.Texts.Rebuilt(r.Projections.Count, r.Tenders, r.Participations)));
        });
        return new Command("projections", "Read models") { rebuild };
    }

    public static Command Configuration(TextWriter output, HttpMessageHandler? handler)
    {
        var check = new Command("check", "Checks the database, schema, identity provider, broker, connectors and telemetry of the running service");
        check.SetAction(async (parse, ct) =>
        {
            var connection = CommandLine.OperatorConnectionOf(parse);
            var status = "";
            var code = await Calls.RunAsync(connection, output, () => connection.Client(handler).CheckConfigurationAsync(ct), view =>
            {
                status = view.Status;
                foreach (var c in view.Checks)
                    output.WriteLine($"[{c.Status}] {c.Name}: {c.Detail}{(c.Status != "ok" && c.Setting is { } s ? $" ({s})" : "")}");
                output.WriteLine(view.Status);
            });
            return code == 0 && status == "problem" ? CommandLine.ProblemFound : code;
        });
        return new Command("config", "Configuration") { check };
    }
}
