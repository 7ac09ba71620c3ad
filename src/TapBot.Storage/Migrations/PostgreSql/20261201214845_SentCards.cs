using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TapBot.Storage.Migrations.PostgreSql
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
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Flow = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SentAtUtcTicks = table.Column<long>(type: "bigint", nullable: false)
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
