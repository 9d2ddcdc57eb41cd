#pragma once
// wharf::expected and wharf::unexpected: std::expected where the standard library has it (g++ 12,
// the compiler Wharf is built with), otherwise a small stand-in with the part of its interface
// Wharf uses. libstdc++ 12 hides <expected> from compilers without C++20 concepts in full, which
// includes clang 14 — and so clangd and clang-tidy; with the stand-in they read the project too.

#include <version>

#if defined(__cpp_lib_expected)

#include <expected>

namespace wharf {
template <typename T, typename E>
using expected = std::expected<T, E>;
using std::unexpected;
} // namespace wharf

#else

#include <type_traits>
#include <utility>
#include <variant>

namespace wharf {

template <typename E>
class unexpected
{
public:
    constexpr explicit unexpected(E error) : m_error(std::move(error)) {}
    [[nodiscard]] constexpr const E &error() const & noexcept { return m_error; }
    [[nodiscard]] constexpr E &error() & noexcept { return m_error; }
    [[nodiscard]] constexpr E &&error() && noexcept { return std::move(m_error); }

private:
    E m_error;
};

template <typename E>
unexpected(E) -> unexpected<E>;

template <typename T, typename E>
class expected
{
public:
    using value_type = T;
    using error_type = E;

    constexpr expected() requires std::is_default_constructible_v<T> : m_state(std::in_place_index<0>) {}
    template <typename U = T>
        requires(std::is_constructible_v<T, U &&> && !std::is_same_v<std::remove_cvref_t<U>, expected>
                 && !std::is_same_v<std::remove_cvref_t<U>, unexpected<E>>)
    constexpr expected(U &&value) : m_state(std::in_place_index<0>, std::forward<U>(value)) {}
    template <typename G>
    constexpr expected(const unexpected<G> &failure) : m_state(std::in_place_index<1>, failure.error()) {}
    template <typename G>
    constexpr expected(unexpected<G> &&failure) : m_state(std::in_place_index<1>, std::move(failure).error()) {}

    [[nodiscard]] constexpr bool has_value() const noexcept { return m_state.index() == 0; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    [[nodiscard]] constexpr const T &value() const & { return std::get<0>(m_state); }
    [[nodiscard]] constexpr T &value() & { return std::get<0>(m_state); }
    [[nodiscard]] constexpr T &&value() && { return std::get<0>(std::move(m_state)); }
    [[nodiscard]] constexpr const E &error() const & { return std::get<1>(m_state); }
    [[nodiscard]] constexpr E &error() & { return std::get<1>(m_state); }
    [[nodiscard]] constexpr E &&error() && { return std::get<1>(std::move(m_state)); }
    constexpr const T &operator*() const & { return value(); }
    constexpr T &operator*() & { return value(); }
    constexpr T &&operator*() && { return std::move(*this).value(); }
    constexpr const T *operator->() const { return &value(); }
    constexpr T *operator->() { return &value(); }
    template <typename U>
    [[nodiscard]] constexpr T value_or(U &&fallback) const & { return has_value() ? value() : T(std::forward<U>(fallback)); }

private:
    std::variant<T, E> m_state;
};

template <typename E>
class expected<void, E>
{
public:
    using value_type = void;
    using error_type = E;

    constexpr expected() noexcept = default;
    template <typename G>
    constexpr expected(const unexpected<G> &failure) : m_error(failure.error()), m_failed(true) {}
    template <typename G>
    constexpr expected(unexpected<G> &&failure) : m_error(std::move(failure).error()), m_failed(true) {}

    [[nodiscard]] constexpr bool has_value() const noexcept { return !m_failed; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    constexpr void value() const {}
    constexpr void operator*() const noexcept {}
    [[nodiscard]] constexpr const E &error() const & { return m_error; }
    [[nodiscard]] constexpr E &error() & { return m_error; }
    [[nodiscard]] constexpr E &&error() && { return std::move(m_error); }

private:
    E m_error{};
    bool m_failed = false;
};

} // namespace wharf

#endif
