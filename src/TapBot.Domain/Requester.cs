namespace TapBot.Domain;

/// <summary>
/// The person behind a chat message or card click. The id always comes from the activity
/// (<c>from.aadObjectId</c>), never from card data.
/// </summary>
public sealed record Requester(string ObjectId, string DisplayName);
