namespace TapBot.Storage;

/// <summary>Row of <c>personal_chats</c>: one per (tenant, person).</summary>
internal sealed class PersonalChatRecord
{
    public string TenantId { get; set; } = "";
    public string PersonId { get; set; } = "";
    public ConversationAddressRecord Address { get; set; } = new();
    public DateTimeOffset SeenAt { get; set; }
    public string? UserId { get; set; }
}
