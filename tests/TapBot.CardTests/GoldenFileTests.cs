namespace TapBot.CardTests;

/// <summary>
/// Every catalog card equals its golden file, so a change to a card shows up in review as a JSON diff.
/// <c>UPDATE_GOLDEN=1</c> rewrites the files that differ, and fails for each one it rewrote so the run cannot pass
/// unseen (it deletes none: remove an orphan by hand). Review the diff, then run again without it.
/// </summary>
[Collection(GoldenFiles.Collection)]
public sealed class GoldenFileTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Cards() => new(CardCatalog.Names);

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_EqualsItsGoldenFile(string name)
    {
        var card = GoldenFile.Serialize(CardCatalog.Build(name));
        var path = GoldenFile.PathOf(name);
        if (Update)
        {
            var unchanged = File.Exists(path) && GoldenFile.Difference(File.ReadAllText(path), card) is null;
            if (!unchanged) File.WriteAllText(path, card);
            Assert.True(unchanged, $"golden/{name}.json was rewritten (UPDATE_GOLDEN=1). Review the diff, then run the tests again without UPDATE_GOLDEN.");
            return;
        }

        Assert.True(File.Exists(path), $"{name} has no golden file ({path}). Review the card, then write it with: UPDATE_GOLDEN=1 dotnet test tests/TapBot.CardTests");
        var difference = GoldenFile.Difference(File.ReadAllText(path), card);
        Assert.True(difference is null,
            $"{name} differs from golden/{name}.json, {difference}\nIf the change is intended: UPDATE_GOLDEN=1 dotnet test tests/TapBot.CardTests, and review the diff.");
    }

    [Fact]
    public void Card_IsTheSameEveryTimeItIsBuilt()
    {
        foreach (var name in CardCatalog.Names)
        {
            Assert.Equal(GoldenFile.Serialize(CardCatalog.Build(name)), GoldenFile.Serialize(CardCatalog.Build(name)));
        }
    }

    [Fact]
    public void EveryGoldenFile_HasACatalogEntry()
    {
        var orphans = GoldenFile.Names().Except(CardCatalog.Names).ToList();

        Assert.True(orphans.Count == 0, $"golden files without a catalog entry (delete them, or add the card to CardCatalog): {string.Join(", ", orphans)}");
    }

    [Fact]
    public void CatalogNames_AreFileNames()
    {
        Assert.All(CardCatalog.Names, name => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", name));
    }
}
