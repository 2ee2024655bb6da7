using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Ecp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConsultationFilesSynthesisQuestionnairesNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EcosocStatus",
                table: "Contributions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "Contributions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "ConsultationQuestion",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "ConsultationQuestion",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ContributionAttachment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributionAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContributionAttachment_Contributions_ContributionId",
                        column: x => x.ContributionId,
                        principalTable: "Contributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Follow",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Follow", x => x.Id);
                    table.CheckConstraint("CK_Follows_OneTarget", "(\"BodyId\" IS NULL AND \"ConsultationId\" IS NOT NULL) OR (\"BodyId\" IS NOT NULL AND \"ConsultationId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_Follow_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Follow_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Follow_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Lease",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lease", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "NotificationOutbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationOutbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProjectionCheckpoint",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectionCheckpoint", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Synthesis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Markdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    CitedNumbers = table.Column<string>(type: "text", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Synthesis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Synthesis_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Lease",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[,]
                {
                    { "notifications.consultations", new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" },
                    { "notifications.outbox", new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "" }
                });

            migrationBuilder.InsertData(
                table: "ProjectionCheckpoint",
                columns: new[] { "Name", "LastSequence" },
                values: new object[] { "notifications.consultations", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Contributions_ConsultationId_Number",
                table: "Contributions",
                columns: new[] { "ConsultationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContributionAttachment_ContributionId",
                table: "ContributionAttachment",
                column: "ContributionId");

            migrationBuilder.CreateIndex(
                name: "IX_Follow_BodyId",
                table: "Follow",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Follow_ConsultationId",
                table: "Follow",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Follow_PersonId_BodyId",
                table: "Follow",
                columns: new[] { "PersonId", "BodyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Follow_PersonId_ConsultationId",
                table: "Follow",
                columns: new[] { "PersonId", "ConsultationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_IdempotencyKey",
                table: "NotificationOutbox",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_PersonId",
                table: "NotificationOutbox",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOutbox_SentAt_NextAttemptAt",
                table: "NotificationOutbox",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Synthesis_ConsultationId",
                table: "Synthesis",
                column: "ConsultationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContributionAttachment");

            migrationBuilder.DropTable(
                name: "Follow");

            migrationBuilder.DropTable(
                name: "Lease");

            migrationBuilder.DropTable(
                name: "NotificationOutbox");

            migrationBuilder.DropTable(
                name: "ProjectionCheckpoint");

            migrationBuilder.DropTable(
                name: "Synthesis");

            migrationBuilder.DropIndex(
                name: "IX_Contributions_ConsultationId_Number",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "EcosocStatus",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Contributions");

            migrationBuilder.DropColumn(
                name: "Options",
                table: "ConsultationQuestion");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "ConsultationQuestion");
        }
    }
}
