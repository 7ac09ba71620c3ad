using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PassEntitlements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pass_entitlements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetUpn = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    TargetName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApproverId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ApproverName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: true),
                    LifetimeInMinutes = table.Column<int>(type: "integer", nullable: false),
                    StartsAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    IsUsableOnce = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAtUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    RevealByUtcTicks = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RevealingSinceUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    PassId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ShownAtUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    ValidFromUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    ValidUntilUtcTicks = table.Column<long>(type: "bigint", nullable: true),
                    CardConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CardMessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pass_entitlements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pass_entitlements_RequestId",
                table: "pass_entitlements",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_pass_entitlements_State_RevealByUtcTicks",
                table: "pass_entitlements",
                columns: new[] { "State", "RevealByUtcTicks" });

            migrationBuilder.CreateIndex(
                name: "IX_pass_entitlements_TenantId_TargetId_State",
                table: "pass_entitlements",
                columns: new[] { "TenantId", "TargetId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pass_entitlements");
        }
    }
}
