using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using TapBot.Actions;
using TapBot.Cards;
using TapBot.Commands;
using TapBot.Hosting;

namespace TapBot.UnitTests;

/// <summary>Every card verb has a registered action, and every parsed chat command a registered handler.</summary>
public sealed class HandlerCoverageTests
{
    /// <summary>The registered implementations of <typeparamref name="T"/>, built without their dependencies to read one property.</summary>
    private static IEnumerable<T> Registered<T>(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.Where(d => d.ServiceType == typeof(T)).Select(d => (T)RuntimeHelpers.GetUninitializedObject(d.ImplementationType!));
    }

    [Fact]
    public void EveryCardVerb_HasExactlyOneAction()
    {
        var verbs = typeof(CardVerbs).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true, FieldType: var t } && t == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var handled = Registered<ICardAction>(s => s.AddTapCardActions()).Select(a => a.Verb).ToList();

        Assert.NotEmpty(verbs);
        Assert.Equal(verbs.Order(), handled.Order());
    }

    [Fact]
    public void EveryChatCommand_HasExactlyOneHandler()
    {
        var commands = typeof(BotCommand).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(BotCommand))).Select(t => t.Name).ToList();
        var handled = Registered<IChatCommandHandler>(s => s.AddTapChatCommands()).Select(h => h.Command.Name).ToList();

        Assert.NotEmpty(commands);
        Assert.Equal(commands.Order(), handled.Order());
    }
}
