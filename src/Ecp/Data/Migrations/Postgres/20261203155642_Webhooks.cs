using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ecp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Webhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WebhookSubscription",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookSubscription", x => x.Id);
                    table.CheckConstraint("CK_WebhookSubscription_OneTarget", "(CASE WHEN \"BodyId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"ConsultationId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"DocumentId\" IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_WebhookSubscription_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WebhookSubscription_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WebhookSubscription_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WebhookSubscription_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebhookDelivery",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordSequence = table.Column<long>(type: "bigint", nullable: false),
                    EventType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Failed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookDelivery", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebhookDelivery_WebhookSubscription_SubscriptionId",
                        column: x => x.SubscriptionId,
                        principalTable: "WebhookSubscription",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Lease",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[,]
                {
                    { "webhooks.deliveries", new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" },
                    { "webhooks.projection", new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" }
                });

            migrationBuilder.InsertData(
                table: "ProjectionCheckpoint",
                columns: new[] { "Name", "LastSequence" },
                values: new object[] { "webhooks", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDelivery_DeliveredAt_Failed_NextAttemptAt",
                table: "WebhookDelivery",
                columns: new[] { "DeliveredAt", "Failed", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDelivery_MessageId",
                table: "WebhookDelivery",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookDelivery_SubscriptionId_RecordSequence",
                table: "WebhookDelivery",
                columns: new[] { "SubscriptionId", "RecordSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscription_BodyId",
                table: "WebhookSubscription",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscription_ConsultationId",
                table: "WebhookSubscription",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscription_DocumentId",
                table: "WebhookSubscription",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscription_PersonId_RemovedAt",
                table: "WebhookSubscription",
                columns: new[] { "PersonId", "RemovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookDelivery");

            migrationBuilder.DropTable(
                name: "WebhookSubscription");

            migrationBuilder.DeleteData(
                table: "Lease",
                keyColumn: "Name",
                keyValue: "webhooks.deliveries");

            migrationBuilder.DeleteData(
                table: "Lease",
                keyColumn: "Name",
                keyValue: "webhooks.projection");

            migrationBuilder.DeleteData(
                table: "ProjectionCheckpoint",
                keyColumn: "Name",
                keyValue: "webhooks");
        }
    }
}
