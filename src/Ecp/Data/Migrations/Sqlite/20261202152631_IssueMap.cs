using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ecp.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IssueMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IssueClusters",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueClusters", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Issues",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ClusterCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SuccessorCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NameAr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEs = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameFr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Issues_IssueClusters_ClusterCode",
                        column: x => x.ClusterCode,
                        principalTable: "IssueClusters",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Issues_Issues_SuccessorCode",
                        column: x => x.SuccessorCode,
                        principalTable: "Issues",
                        principalColumn: "Code");
                });

            migrationBuilder.CreateTable(
                name: "IssueMappings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Gaps = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MappedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueMappings_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_IssueMappings_Issues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "Issues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IssueMappings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "IssueTags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaggedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueTags_Issues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "Issues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MappingProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MappingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Gaps = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposerGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MappingProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MappingProposals_Issues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "Issues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScopeAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssueCode = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Voice = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MemberStateCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScopeAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScopeAssessments_Issues_IssueCode",
                        column: x => x.IssueCode,
                        principalTable: "Issues",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScopeAssessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssueMappings_DocumentId",
                table: "IssueMappings",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueMappings_IssueCode_RemovedAt",
                table: "IssueMappings",
                columns: new[] { "IssueCode", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueMappings_OrganizationId",
                table: "IssueMappings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_ClusterCode",
                table: "Issues",
                column: "ClusterCode");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_SuccessorCode",
                table: "Issues",
                column: "SuccessorCode");

            migrationBuilder.CreateIndex(
                name: "IX_IssueTags_IssueCode_RemovedAt_Subject",
                table: "IssueTags",
                columns: new[] { "IssueCode", "RemovedAt", "Subject" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueTags_SubjectId_RemovedAt",
                table: "IssueTags",
                columns: new[] { "SubjectId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MappingProposals_IssueCode_State_ProposedAt",
                table: "MappingProposals",
                columns: new[] { "IssueCode", "State", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScopeAssessments_IssueCode_SupersededAt_Group_Scope",
                table: "ScopeAssessments",
                columns: new[] { "IssueCode", "SupersededAt", "Group", "Scope" });

            migrationBuilder.CreateIndex(
                name: "IX_ScopeAssessments_IssueCode_Voice_SupersededAt",
                table: "ScopeAssessments",
                columns: new[] { "IssueCode", "Voice", "SupersededAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScopeAssessments_PersonId",
                table: "ScopeAssessments",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssueMappings");

            migrationBuilder.DropTable(
                name: "IssueTags");

            migrationBuilder.DropTable(
                name: "MappingProposals");

            migrationBuilder.DropTable(
                name: "ScopeAssessments");

            migrationBuilder.DropTable(
                name: "Issues");

            migrationBuilder.DropTable(
                name: "IssueClusters");
        }
    }
}
