using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SentCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sent_cards",
                columns: table => new
                {
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SentAtUtcTicks = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_cards", x => new { x.ConversationId, x.MessageId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sent_cards");
        }
    }
}
