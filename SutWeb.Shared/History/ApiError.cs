namespace SutWeb.Shared.History;

/// <summary>The body of every error the history API answers: one sentence that names the parameter or the cause.</summary>
public sealed record ApiError(string Error);
