// Month and money words the budgets pages share.
export function monthLabel(month) {
  const [year, number] = String(month).split('-');
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(number) - 1]} ${year}`;
}

export const budgetPath = (id, rest = '') => `/finance/budgets/${id}${rest}`;

export const kindWords = { pooled: 'Pooled', aligned: 'Aligned', fast_access: 'Fast access' };
export const ruleWords = {
  equal_shares: 'equal shares',
  by_contribution: 'in proportion to contributions',
  each_bears_own: 'each partner bears its own',
};
