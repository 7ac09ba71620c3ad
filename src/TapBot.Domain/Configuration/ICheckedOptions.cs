namespace TapBot.Domain.Configuration;

/// <summary>A settings class that can say what is wrong with it, each problem naming the setting to fix.</summary>
public interface ICheckedOptions
{
    IEnumerable<string> Problems();
}
