using Microsoft.Extensions.Options;
using TapBot.Hosting;

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
