namespace Kreminna1325.Core.Accounts;

/// <summary>Thrown by a service when the person acting may not do what was asked, however they got there.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
