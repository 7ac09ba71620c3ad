using Microsoft.Extensions.Options;
using TapBot.Cli;
using TapBot.Hosting;

// dotnet run --project src/TapBot                       run the bot
// dotnet run --project src/TapBot -- doctor             check configuration, Graph permissions, policy, groups
// dotnet run --project src/TapBot -- package --env F    build the Teams app package
// dotnet run --project src/TapBot -- audit verify       check the audit trail's hash chain
switch (args.FirstOrDefault())
{
    case "audit":
        return await AuditCommand.RunAsync(args[1..], Console.Out);
    case "package":
        return PackageCommand.Run(args[1..], Console.Out, Console.Error);
    case "doctor":
        return await DoctorCommand.RunAsync(args[1..], Console.Out);
}

try
{
    var app = await TapBotHost.BuildAsync(args);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is StartupProblemException or OptionsValidationException)
{
    // Configuration mistakes get one clear line naming the setting, not a stack trace.
    Console.Error.WriteLine($"TapBot cannot start: {e.Message}");
    return 2;
}
