using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TapBot.Storage.Configurations;

internal sealed class RequestCardConfiguration : IEntityTypeConfiguration<RequestCardRecord>
{
    public void Configure(EntityTypeBuilder<RequestCardRecord> e)
    {
        e.ToTable("request_cards");
        e.HasKey(c => c.Id);
        e.HasIndex(c => c.RequestId);
        e.Property(c => c.Role).HasMaxLength(32);
        e.Property(c => c.PersonId).HasMaxLength(64);
        e.OwnsAddress(c => c.Address);
        e.Property(c => c.MessageId).HasMaxLength(256);
    }
}
