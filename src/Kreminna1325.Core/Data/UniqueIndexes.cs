using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kreminna1325.Core.Data;

/// <summary>Recognises a save refused by one particular unique index: someone else's row with that key was committed first.</summary>
internal static class UniqueIndexes
{
    /// <summary>The index is looked up in the model by its property, so its database name is written nowhere else.</summary>
    public static bool Violated<TEntity>(DbContext db, DbUpdateException e, string property)
    {
        var index = db.Model.FindEntityType(typeof(TEntity))!.GetIndexes()
            .Single(i => i.IsUnique && i.Properties is [{ } only] && only.Name == property);
        return e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
            && pg.ConstraintName == index.GetDatabaseName();
    }
}
