namespace TapBot.CardTests;

/// <summary>Tests that read the golden files run apart from the ones that may rewrite them (UPDATE_GOLDEN=1).</summary>
[CollectionDefinition(Collection)]
public sealed class GoldenFiles
{
    public const string Collection = "golden files";
}
