namespace Aankopen.Domain;

public static class EnumNames
{
    /// <summary>An enum value by its name only, ignoring case: "7" or an undefined name is no value.</summary>
    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _) ? parsed : null;
}
