using TapBot.SimulatedTenant.Tenant;

namespace TapBot.SimulatedTenant.Playground;

/// <summary><c>playground-config --seed FILE --user UPN --out DIR</c></summary>
internal static class PlaygroundConfigCommand
{
    public static int Run(string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var user = Arg("--user");
        var output = Arg("--out");
        if (user is null || output is null)
        {
            Console.Error.WriteLine("usage: playground-config [--seed FILE] --user UPN --out DIR");
            return 2;
        }

        var seed = TenantSeed.Load(Arg("--seed") ?? EmulatorOptions.BundledSeedPath);
        Console.WriteLine(PlaygroundConfigWriter.Write(seed, user, output));
        return 0;
    }
}
