using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ecp.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsultationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Failed = table.Column<bool>(type: "INTEGER", nullable: false)
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
                    { "webhooks.deliveries", 1291925127168000000L, "" },
                    { "webhooks.projection", 1291925127168000000L, "" }
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
