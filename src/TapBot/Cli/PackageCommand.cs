namespace TapBot.Cli;

/// <summary><c>package --env manifest/env/prod.env [--out artifacts/tapbot.zip] [--manifest DIR]</c></summary>
public static class PackageCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var envFile = Arg("--env");
        if (envFile is null || !File.Exists(envFile))
        {
            errors.WriteLine("usage: package --env FILE [--out ZIP] [--manifest DIR]   (values: see manifest/env/example.env)");
            return 2;
        }

        var manifestFolder = Arg("--manifest") ?? FindManifestFolder();
        var zipPath = Arg("--out") ?? Path.Combine("artifacts", "appPackage", Path.GetFileNameWithoutExtension(envFile) + ".zip");
        var problems = AppPackage.Build(manifestFolder, AppPackage.ReadValues(envFile, Environment.GetEnvironmentVariable), zipPath);
        if (problems.Count > 0)
        {
            errors.WriteLine($"The app package was not built; {envFile} needs fixing:");
            foreach (var p in problems) errors.WriteLine("  - " + p);
            return 1;
        }

        output.WriteLine($"Built {Path.GetFullPath(zipPath)} ({string.Join(", ", AppPackage.Files)}).");
        output.WriteLine("Validate it offline with: node manifest/validate.mjs <extracted manifest.json>; upload it in Teams admin center → Manage apps.");
        return 0;
    }

    private static string FindManifestFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifest");
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }

        return "manifest";
    }
}
