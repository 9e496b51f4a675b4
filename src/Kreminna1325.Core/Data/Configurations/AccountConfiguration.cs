using Kreminna1325.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kreminna1325.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(AppUser.FullNameMaxLength).UseCollation(AppDbContext.UkrainianCollation);
        builder.Property(u => u.Position).HasMaxLength(AppUser.PositionMaxLength);
        builder.Property(u => u.Culture).HasMaxLength(AppUser.CultureMaxLength);
        builder.Property(u => u.CalendarToken).HasMaxLength(AppUser.CalendarTokenMaxLength);
        builder.HasIndex(u => u.CalendarToken).IsUnique();
        builder.HasMany(u => u.ResponsibleBodies).WithOne(b => b.User).HasForeignKey(b => b.UserId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserResponsibleBodyConfiguration : IEntityTypeConfiguration<UserResponsibleBody>
{
    public void Configure(EntityTypeBuilder<UserResponsibleBody> builder)
    {
        builder.HasKey(b => new { b.UserId, b.ResponsibleBodyId });
        builder.HasIndex(b => b.ResponsibleBodyId);
        builder.HasOne(b => b.ResponsibleBody).WithMany().HasForeignKey(b => b.ResponsibleBodyId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(64);
        builder.HasIndex(f => f.LastFailureAt);
    }
}
