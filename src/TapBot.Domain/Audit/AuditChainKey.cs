using System.Security.Cryptography;
using System.Text;

namespace TapBot.Domain.Audit;

/// <summary>
/// The secret the audit chain is keyed with (HMAC-SHA256). It is kept outside the database, so whoever can write the
/// database but cannot read the key cannot recompute the chain after changing an event.
/// </summary>
public sealed class AuditChainKey
{
    /// <summary>HMAC-SHA256's block is 64 bytes; fewer than 32 random bytes would be weaker than the hash.</summary>
    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    public AuditChainKey(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumBytes) throw new ArgumentException($"An audit chain key needs at least {MinimumBytes} bytes.", nameof(key));
        _key = key.ToArray();
    }

    public static AuditChainKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    /// <summary>The key as configuration text (base64), for the generated key's file.</summary>
    public string ToBase64() => Convert.ToBase64String(_key);

    /// <summary>Null when the text is not base64 of at least <see cref="MinimumBytes"/> bytes.</summary>
    public static AuditChainKey? TryParse(string? base64)
    {
        var buffer = new byte[base64?.Length ?? 0];
        return Convert.TryFromBase64String(base64?.Trim() ?? "", buffer, out var length) && length >= MinimumBytes
            ? new AuditChainKey(buffer.AsSpan(0, length))
            : null;
    }

    internal string Sign(string canonical) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical)));

    /// <summary>Never the key itself (it would end up in a log or an exception message).</summary>
    public override string ToString() => nameof(AuditChainKey);
}
