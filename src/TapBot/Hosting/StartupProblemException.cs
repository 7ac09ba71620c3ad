namespace TapBot.Hosting;

/// <summary>TapBot cannot start as configured; the message names the settings to change.</summary>
public sealed class StartupProblemException(string message) : Exception(message);
