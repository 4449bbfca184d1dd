using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aankopen.Domain.Tenders;
using Shouldly;

namespace Aankopen.UnitTests;

/// <summary>
/// The domain is the rules and nothing else: it references no web framework, event store, broker or HTTP client,
/// nor any project of the service, and its namespaces depend on each other in one direction only. The reports
/// library adds only the contracts it writes.
/// </summary>
public sealed partial class ProjectBoundaryTests
{
    private static readonly string DomainFolder = Path.Combine(ContractFiles.Root, "src", "Aankopen.Domain");

    private static readonly string[] Forbidden =
        ["Microsoft.AspNetCore", "Microsoft.Extensions", "Marten", "JasperFx", "Weasel", "Npgsql", "MassTransit", "RabbitMQ", "Refit", "Polly",
         "System.Net.Http", "System.Net.Sockets", "System.Net.Requests", "System.Net.WebClient", "Aankopen.Api", "Aankopen.Contracts", "Aankopen.Messaging", "Aankopen.Client", "Aankopen.Observability"];

    [Fact]
    public void The_domain_assembly_references_no_framework_and_no_other_project()
    {
        var referenced = typeof(JointTender).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        referenced.Where(r => Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
        referenced.ShouldAllBe(r => r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard" || r == "mscorlib");
    }

    [Fact]
    public void The_reports_library_references_the_domain_and_the_contracts_and_no_framework()
    {
        var referenced = typeof(Aankopen.Reports.Synergies.SynergyReport).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        referenced.ShouldContain("Aankopen.Domain");
        referenced.Where(r => r is not "Aankopen.Contracts" && Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }

    /// <summary>
    /// Each process refers only inwards: to the libraries, never to another process. The API and the web application
    /// never reach the broker (the worker publishes), and the web application never opens the event store.
    /// </summary>
    [Theory]
    [InlineData(typeof(Aankopen.Api.Program), new[] { "Aankopen.Web", "Aankopen.Worker", "Aankopen.Messaging", "MassTransit", "RabbitMQ" })]
    [InlineData(typeof(Aankopen.Web.Program), new[] { "Aankopen.Api", "Aankopen.Worker", "Aankopen.Store", "Aankopen.Messaging", "MassTransit", "RabbitMQ" })]
    [InlineData(typeof(Aankopen.Worker.Program), new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Client" })]
    [InlineData(typeof(Aankopen.Store.Hosting.EventStoreSetup), new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Worker", "Aankopen.Messaging", "MassTransit", "RabbitMQ" })]
    [InlineData(typeof(Aankopen.Edge.StartupException), new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Worker", "Aankopen.Store", "Marten", "MassTransit", "RabbitMQ" })]
    public void Each_process_and_library_refers_inwards_only(Type inAssembly, string[] never)
    {
        var referenced = inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        referenced.ShouldContain("Aankopen.Domain");
        referenced.Where(r => never.Any(n => r == n || r.StartsWith(n + ".", StringComparison.Ordinal))).ShouldBeEmpty(inAssembly.Assembly.GetName().Name);
    }

    /// <summary>The same rule on the project files: a reference not used yet (so absent from the assembly) fails too.</summary>
    [Theory]
    [InlineData("Aankopen.Api", new[] { "Aankopen.Web", "Aankopen.Worker", "Aankopen.Messaging", "Aankopen.Client" })]
    [InlineData("Aankopen.Web", new[] { "Aankopen.Api", "Aankopen.Worker", "Aankopen.Store", "Aankopen.Messaging" })]
    [InlineData("Aankopen.Worker", new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Client" })]
    [InlineData("Aankopen.Store", new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Worker", "Aankopen.Messaging" })]
    [InlineData("Aankopen.Edge", new[] { "Aankopen.Api", "Aankopen.Web", "Aankopen.Worker", "Aankopen.Store", "Aankopen.Messaging" })]
    public void No_project_file_refers_to_a_process_or_outwards(string project, string[] never)
    {
        var references = XDocument.Load(Path.Combine(ContractFiles.Root, "src", project, project + ".csproj"))
            .Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value)).ToArray();

        references.ShouldNotBeEmpty();
        references.Where(never.Contains).ShouldBeEmpty(project);
    }

    /// <summary>
    /// The API, the worker and the web application each read the administrations from their own appsettings.json
    /// (an image carries only its own): the three lists are one list, or the processes disagree on who exists.
    /// </summary>
    [Fact]
    public void The_three_processes_configure_the_same_administrations()
    {
        string AdministrationsOf(string project) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ContractFiles.Root, "src", project, "appsettings.json")))
            .RootElement.GetProperty("Administrations") is var list ? System.Text.Json.JsonSerializer.Serialize(list) : "";

        var api = AdministrationsOf("Aankopen.Api");
        api.ShouldContain("GEMEENTE");
        AdministrationsOf("Aankopen.Worker").ShouldBe(api);
        AdministrationsOf("Aankopen.Web").ShouldBe(api);
    }

    [Fact]
    public void The_domain_project_is_a_plain_library_without_packages_or_project_references()
    {
        var project = XDocument.Load(Path.Combine(DomainFolder, "Aankopen.Domain.csproj"));

        project.Root!.Attribute("Sdk")!.Value.ShouldBe("Microsoft.NET.Sdk"); // not .Web: no ASP.NET Core framework reference
        project.Descendants("PackageReference").ShouldBeEmpty();
        project.Descendants("ProjectReference").ShouldBeEmpty();
        project.Descendants("FrameworkReference").ShouldBeEmpty();
    }

    [Fact]
    public void The_domain_namespaces_depend_on_each_other_without_a_loop_and_no_use_case_on_another()
    {
        var uses = NamespaceUses(DomainFolder, "Aankopen.Domain");

        uses.Keys.SelectMany(start => Loop(start, uses)).Distinct().ShouldBeEmpty();
        // A use case leans on the aggregate and its rules, never on another use case's decider.
        uses.Where(u => u.Key.StartsWith("Aankopen.Domain.Tenders.", StringComparison.Ordinal))
            .SelectMany(u => u.Value.Where(ns => ns.StartsWith("Aankopen.Domain.Tenders.", StringComparison.Ordinal)).Select(ns => $"{u.Key} -> {ns}"))
            .ShouldBeEmpty();
        uses.Keys.ShouldContain("Aankopen.Domain.Tenders.AwardLot"); // the walk saw the use cases' namespaces
    }

    /// <summary>
    /// Inside every project of the service too, namespaces depend on each other in one direction: in the API, shared
    /// HTTP below security, below the store's plumbing, below the stream writes, below the features, below the
    /// composition root (Hosting); a feature's route table above its use cases.
    /// </summary>
    [Fact]
    public void No_project_has_namespaces_that_depend_on_each_other_in_a_loop()
    {
        var projects = Directory.GetDirectories(Path.Combine(ContractFiles.Root, "src")).Select(Path.GetFileName).OfType<string>().ToArray();
        var loops = projects.SelectMany(project =>
        {
            var uses = NamespaceUses(Path.Combine(ContractFiles.Root, "src", project), project);
            return uses.Keys.SelectMany(start => Loop(start, uses));
        }).Distinct().ToArray();

        projects.ShouldContain("Aankopen.Api");
        NamespaceUses(Path.Combine(ContractFiles.Root, "src", "Aankopen.Api"), "Aankopen.Api")["Aankopen.Api.Tenders.Routes"]
            .ShouldContain("Aankopen.Api.Tenders.AwardLot"); // the walk saw the API's use cases
        loops.ShouldBeEmpty();
    }

    /// <summary>
    /// Which namespaces of a project each of its namespaces uses: those it imports (extension methods are used without
    /// naming their class), and those whose types it names in code. Comments, strings, using lines and names qualified
    /// by a framework's namespace (Microsoft.Extensions.Diagnostics.HealthChecks) are left out.
    /// </summary>
    private static Dictionary<string, HashSet<string>> NamespaceUses(string folder, string prefix)
    {
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(f))
            .Select(text => (Namespace: NamespaceOf().Match(text).Groups[1].Value, Text: text))
            .Where(f => f.Namespace.Length > 0)
            .ToArray();
        var home = files
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => (Type: m.Groups[1].Value, f.Namespace)))
            .GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.First().Namespace);
        return files.GroupBy(f => f.Namespace).ToDictionary(g => g.Key, g => g
            .SelectMany(f => Word().Matches(FrameworkName().Replace(UsingLine().Replace(CommentOrString().Replace(f.Text, " "), " "), " "))
                    .Select(m => home.GetValueOrDefault(m.Value))
                .Concat(Imported().Matches(f.Text).Select(m => m.Groups[1].Value)))
            .OfType<string>().Where(ns => ns != g.Key && (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))).ToHashSet());
    }

    /// <summary>Every path from <paramref name="start"/> that comes back to it, written as "A -> B -> A".</summary>
    private static IEnumerable<string> Loop(string start, IReadOnlyDictionary<string, HashSet<string>> uses)
    {
        var path = new Stack<string>();
        var seen = new HashSet<string>();
        IEnumerable<string> Walk(string at)
        {
            path.Push(at);
            foreach (var next in uses.GetValueOrDefault(at) ?? [])
            {
                if (next == start)
                    yield return string.Join(" -> ", path.Reverse().Append(start));
                else if (seen.Add(next))
                    foreach (var loop in Walk(next))
                        yield return loop;
            }
            path.Pop();
        }
        return Walk(start);
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceOf();

    [GeneratedRegex(@"^(?:public|internal) (?:(?:sealed|static|abstract|readonly|partial) )*(?:class|record struct|record|enum|interface|struct) (\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    /// <summary>A capitalised name that is not a method being called (a constructor call, after <c>new</c>, is a use).</summary>
    [GeneratedRegex(@"(?<=\bnew\s+)[A-Z]\w+|\b[A-Z]\w+\b(?!\s*\()")]
    private static partial Regex Word();

    [GeneratedRegex(@"^using (Aankopen\.[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Imported();

    [GeneratedRegex(@"^using [^;]*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\b(?:Microsoft|System|Marten|JasperFx|MassTransit|Npgsql|Weasel|Refit|Polly)(?:\.\w+)+")]
    private static partial Regex FrameworkName();

    /// <summary>Comments (// and ///, /* */) and string literals, interpolated ones included, as far as one line goes.</summary>
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|@?\$?""(?:[^""\\\n]|\\.)*""", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();
}
