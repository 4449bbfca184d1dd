using System.Text.Json.Nodes;

namespace Aankopen.Reports.Ocds;

/// <summary>
/// Compiles a record's releases as OCDS 1.1 merge rules do: releases in date order, each field taking its latest
/// value, a null removing it, objects merged field by field, arrays whose every item has an id merged item by item (a
/// released item is never dropped), and any other array replaced whole.
/// </summary>
public static class OcdsMerge
{
    public static JsonObject Compile(string ocid, IEnumerable<JsonObject> releases)
    {
        var ordered = releases.Select((r, i) => (Release: r, Index: i))
            .OrderBy(r => r.Release["date"]?.GetValue<string>(), StringComparer.Ordinal).ThenBy(r => r.Index).Select(r => r.Release).ToArray();
        var compiled = new JsonObject();
        foreach (var release in ordered)
            Merge(compiled, release);
        // Named as the community's merge tool (OCDS Merge) names it: the ocid and the latest release's date.
        compiled["id"] = $"{ocid}-{compiled["date"]?.GetValue<string>()}";
        compiled["tag"] = new JsonArray("compiled");
        return compiled;
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject obj)
            {
                if (target[key] is not JsonObject existing)
                    target[key] = existing = new JsonObject();
                Merge(existing, obj);
            }
            else if (value is JsonArray array && IdentifiedObjects(array) && target[key] is JsonArray earlier && IdentifiedObjects(earlier))
                MergeById(earlier, array);
            else
                target[key] = value.DeepClone();
        }
    }

    private static void MergeById(JsonArray target, JsonArray source)
    {
        foreach (var item in source.Select(i => i!.AsObject()))
        {
            var id = Id(item);
            if (target.FirstOrDefault(t => Id(t!.AsObject()) == id) is JsonObject existing)
                Merge(existing, item);
            else
                target.Add(item.DeepClone());
        }
    }

    private static bool IdentifiedObjects(JsonArray array) => array.All(i => i is JsonObject o && o["id"] is JsonValue);

    private static string Id(JsonObject item) => item["id"]!.ToJsonString();
}
