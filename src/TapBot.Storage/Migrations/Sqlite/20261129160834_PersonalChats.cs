using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_chats",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SeenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_chats", x => new { x.TenantId, x.PersonId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "personal_chats");
        }
    }
}
