// Regenerates mon_entreprise_net.json: net pay before income tax, as computed by
// mon-entreprise's own rules (npm packages modele-social and publicodes), for the
// gross amounts this project's grids give. Not run by the tests; run by hand:
//   (in an empty folder) npm install modele-social publicodes && node mon_entreprise_net.mjs > mon_entreprise_net.json
// The company health plan is set to 0 EUR: the project estimates legal deductions only.
import rules from 'modele-social'
import Engine from 'publicodes'
import { readFileSync } from 'node:fs'


const version = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`)).version
const engine = new Engine(rules, { logger: { log() {}, warn() {}, error() {} } })

// Dates chosen on each side of 1 March 2025 (mon-entreprise switches on `date`).
const smic = { '2025-02-01': 1801.8, '2026-01-01': 1823.03 }
const cases = []
const add = (contract, date, percents) => {
  for (const percent of percents) {
    const gross = Math.round(smic[date] * percent) / 100
    const [d, m, y] = [date.slice(8), date.slice(5, 7), date.slice(0, 4)]
    engine.setSituation({
      'salarié . contrat': `'${contract}'`,
      'salarié . contrat . salaire brut': `${gross} €/mois`,
      'salarié . cotisations . prévoyances . santé . montant': '0 €/mois',
      date: `${d}/${m}/${y}`,
    })
    const net = engine.evaluate('salarié . rémunération . net . à payer avant impôt').nodeValue
    cases.push({ contract, date, percent_of_smic: percent, gross_eur: gross, net_eur: Math.round(net * 100) / 100 })
  }
}
// Apprentices 16 to 29: every cell of the grid (27 % .. 100 %).
const apprentice = [27, 39, 43, 51, 53, 55, 61, 67, 78, 100]
add('apprentissage', '2025-02-01', apprentice)
add('apprentissage', '2026-01-01', apprentice)
add('professionnalisation', '2025-02-01', [55, 65, 70, 80, 100])
add('professionnalisation', '2026-01-01', [55, 65, 70, 80, 100])
console.log(JSON.stringify({
  provenance: {
    packages: { 'modele-social': version('modele-social'), publicodes: version('publicodes') },
    generated: new Date().toISOString().slice(0, 10),
    rule: 'salarié . rémunération . net . à payer avant impôt',
    situation: 'full time, metropolitan France, not Alsace-Moselle, non-executive (non cadre), company health plan 0 EUR; `date` as given (mon-entreprise applies the 1 March 2025 apprentice rule by date)',
  },
  cases,
}, null, 1))
